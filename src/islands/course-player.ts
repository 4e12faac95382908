// The scenario page's script: the course player island, hydrated. Bundled on its own into one
// file the page loads from its head (see islands/island-script.ts). Its props are in the page,
// after its content: compressed with the page, the first moment the page shows costs nothing
// again in them.
import { hydrateInline } from './hydrate.ts';
import { retireEarlyView } from '../scripts/early-choice.ts';
import CoursePlayer from '../components/CoursePlayer.tsx';

retireEarlyView(hydrateInline('player', CoursePlayer));
