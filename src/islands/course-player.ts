// The scenario page's script: the course player island, hydrated. Bundled on its own into one
// file the page loads from its head (see islands/island-script.ts).
import { hydrateIsland } from './hydrate.ts';
import { retireEarlyView } from '../scripts/early-choice.ts';
import CoursePlayer from '../components/CoursePlayer.tsx';

hydrateIsland('player', CoursePlayer).then(retireEarlyView);
