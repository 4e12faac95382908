// The embed frame's script: the player island, hydrated. Bundled on its own into one file the
// frame loads from its head (see islands/island-script.ts). Its props are always in the page.
import { hydrateInline } from './hydrate.ts';
import { retireEarlyView } from '../scripts/early-choice.ts';
import EmbedPlayer from '../components/EmbedPlayer.tsx';

retireEarlyView(hydrateInline('embed', EmbedPlayer));
