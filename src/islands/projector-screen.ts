// The projector screen's script: the screen island, hydrated. Bundled on its own into one file
// the page loads from its head, the QR maker and the live room's link apart (see
// islands/island-script.ts).
import { hydrateIsland } from './hydrate.ts';
import FacilitatorScreen from '../components/FacilitatorScreen.tsx';

hydrateIsland('screen', FacilitatorScreen);
