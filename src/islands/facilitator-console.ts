// The facilitator console's script: the console island, hydrated, and the live-voting section
// beside it. Bundled on its own into one file the page loads from its head, live voting apart
// (see islands/island-script.ts).
import { hydrateIsland } from './hydrate.ts';
import FacilitatorConsole from '../components/FacilitatorConsole.tsx';
import { startLiveSection } from './live-section.ts';

hydrateIsland('console', FacilitatorConsole);
startLiveSection();
