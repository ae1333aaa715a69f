import { Marked, type Tokens } from 'marked';
import { isGuide, slugify, type Guide } from './sections';

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A guide's file name (either language, from either folder) -> the guide it is. */
const GUIDE_OF_FILE: Record<string, Guide> = {
  'staf-komunikasi.md': 'staff',
  'staff.md': 'staff',
  'koordinator.md': 'coordinator',
  'coordinator.md': 'coordinator',
  'admin.md': 'admin',
};

export interface RenderOptions {
  /** The app's address of a guide (with the /app base), for links between guides. */
  guideHref: (guide: Guide) => string;
  /** docs/screenshots file name -> its URL in the built app. */
  screenshots: Record<string, string>;
}

/**
 * A guide's markdown as HTML for the help page. The guides are our own files, and still nothing in
 * them runs: raw HTML is shown as text, links go only to other guides (inside the app), their own
 * headings or http(s) pages, and images only to the screenshots the build carries.
 */
export function renderGuide(markdown: string, { guideHref, screenshots }: RenderOptions): string {
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escape(text),
      heading({ tokens, depth, text }: Tokens.Heading) {
        return `<h${depth} id="${escape(slugify(text))}" tabindex="-1">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        if (/^https?:\/\//i.test(href))
          return `<a href="${escape(href)}" target="_blank" rel="noreferrer">${inner}</a>`;
        if (/^#[\p{L}\p{N}_-]+$/u.test(href))
          return `<a href="${escape(href)}" data-help-anchor="${escape(href.slice(1))}">${inner}</a>`;
        const [file = '', anchor = ''] = href.split('#');
        const guide = GUIDE_OF_FILE[file.slice(file.lastIndexOf('/') + 1)];
        if (isGuide(guide))
          return `<a href="${escape(guideHref(guide))}" data-help-guide="${guide}" data-help-anchor="${escape(anchor)}">${inner}</a>`;
        // Other files of the repository are not part of the app: keep the words, drop the link.
        return inner;
      },
      image({ href, text }: Tokens.Image) {
        const url = screenshots[href.slice(href.lastIndexOf('/') + 1)];
        return url ? `<img src="${escape(url)}" alt="${escape(text)}" loading="lazy">` : `<em>${escape(text)}</em>`;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}
