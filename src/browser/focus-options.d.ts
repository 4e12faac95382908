// What TypeScript's DOM library does not know yet of focusing an element.

interface FocusOptions {
  /**
   * Whether the browser shows that the element has focus (a focus ring): false hides it, true
   * forces it, undefined leaves it to the browser (HTML's focusing steps, "focusVisible"; Chromium
   * and Firefox know it, and a browser that does not ignores it).
   */
  focusVisible?: boolean | undefined;
}
