import { useCallback, useEffect, useState } from 'react';

/**
 * The room a bar kept at the bottom of the screen takes over the page on a phone: its height plus
 * `gap` while it floats (an Affix, or a sticky footer), 0 while it is in the flow (a sticky footer
 * made static on a desktop). A page under a fixed bar pads its end by it, so its last element can be
 * scrolled clear of the bar (a sticky bar keeps its own place at the end and needs no padding).
 * While the bar floats, the document's scroll-padding-bottom is set to it too, so whatever keyboard
 * focus, a link or scrollIntoView brings into view stops above the bar instead of behind it.
 */
export function useBottomBarSpace<T extends HTMLElement>(gap = 0): { ref: (node: T | null) => void; space: number } {
  const [node, setNode] = useState<T | null>(null);
  const [space, setSpace] = useState(0);
  const ref = useCallback((next: T | null) => setNode(next), []);

  useEffect(() => {
    if (!node) {
      setSpace(0);
      return;
    }
    const measure = () => {
      const position = getComputedStyle(node).position;
      const floats = position === 'fixed' || position === 'sticky';
      setSpace(floats ? Math.ceil(node.getBoundingClientRect().height) + gap : 0);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    // A breakpoint can make a sticky bar static without changing its size.
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [node, gap]);

  useEffect(() => {
    if (space === 0) return;
    const root = document.documentElement;
    root.style.scrollPaddingBottom = `${space}px`;
    return () => {
      root.style.scrollPaddingBottom = '';
    };
  }, [space]);

  return { ref, space };
}
