// The projector screen's script: the screen island, hydrated. Bundled on its own into one file
// the page loads from its head, the QR maker and the live room's link apart (see
// islands/island-script.ts).
import { hydrateIsland } from './hydrate.ts';
import FacilitatorScreen from '../components/FacilitatorScreen.tsx';
import { themeKey } from '../browser/storage-keys.ts';

hydrateIsland('screen', FacilitatorScreen);

// The screen has no theme button: it follows the one on the console, in another tab or window of
// the same browser, as the page's head script would read it on a reload (a cleared storage, whose
// event has no key, brings back the system's theme).
addEventListener('storage', ({ key, newValue }) => {
  if (key === themeKey || key === null) document.documentElement.dataset['theme'] = (key && newValue) || '';
});
