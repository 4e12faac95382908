// The embed frame's script: the player island, hydrated. Bundled on its own and inlined in the
// frame's page (see [id].astro), so a frame on another site costs one document and no requests
// to our origin for chunks.
import { hydrateIsland } from '../islands/hydrate.ts';
import EmbedPlayer from '../components/EmbedPlayer.tsx';

hydrateIsland('embed', EmbedPlayer);
