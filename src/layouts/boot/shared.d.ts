// The constants the inline scripts share, written in as they are minified (boot/minify.ts).

/** Where the learner's theme choice is kept in localStorage (theme.ts, theme-button.ts). */
declare const THEME_KEY: string;

/** Where the language chooser keeps, in this tab's sessionStorage, that a language was chosen (language.ts). */
declare const CHOSE_LANGUAGE_KEY: string;
