// The scenario page's script: the course player island, hydrated. Bundled on its own and inlined
// in the page (see islands/inline-script.ts).
import { hydrateIsland } from './hydrate.ts';
import CoursePlayer from '../components/CoursePlayer.tsx';

hydrateIsland('player', CoursePlayer);
