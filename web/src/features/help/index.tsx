import type { Feature } from '../../app/feature';
import { helpRoute } from './help-route';

/** The guides inside the app; reached from the shell's help menu, not from the navigation. */
export const helpFeature: Feature = { routes: [helpRoute] };
