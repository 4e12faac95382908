// The embed frame's script: the player island, hydrated. Bundled on its own and inlined in the
// frame's page (see islands/inline-script.ts).
import { hydrateIsland } from '../islands/hydrate.ts';
import EmbedPlayer from '../components/EmbedPlayer.tsx';

hydrateIsland('embed', EmbedPlayer);
