// UI strings. Components get a translator, never a hard-coded string.
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import type { Locale } from '../engine/locales.ts';

export type Messages = typeof en;
export type MessageKey = keyof Messages;
type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralForms;
/** A message's placeholders' values; one left undefined keeps its placeholder, as one not given does. */
export type Vars = Record<string, string | number | undefined>;

export const messages: Record<Locale, Record<MessageKey, Message>> = { en, ru };

function fill(text: string, vars: Vars): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

export type Translate = (key: string, vars?: Vars) => string;

/** A translator for one locale, over all messages or a subset handed to an island. */
export function translator<K extends string>(locale: Locale, table: Partial<Record<K, Message>>) {
  const plural = new Intl.PluralRules(locale);
  return (key: K, vars: Vars = {}): string => {
    const message = table[key];
    if (message === undefined) return key;
    if (typeof message === 'string') return fill(message, vars);
    const count = Number(vars['count'] ?? 0);
    return fill(message[plural.select(count)] ?? message.other, vars);
  };
}

/**
 * A principle's score (the engine's `PrincipleScore`) as the learner or the room reads it: its
 * counted points against the reference, "5 of 8 points". A principle whose choices cost more
 * than they earned counts as 0, with its net loss beside it ("0 of 8 points (lost 3 more than
 * earned)"). The noun follows the reference (`count`), as "из 1 балла" and "из 8 баллов" do.
 */
export function principleScore(t: Translate, { earned, counted, max }: { earned: number; counted: number; max: number }): string {
  return t(earned < 0 ? 'player.scoreBelowZero' : 'player.scoreOf', { earned: counted, max, cost: -earned, count: max });
}

export function useMessages(locale: Locale) {
  return translator<MessageKey>(locale, messages[locale]);
}

/**
 * The messages whose keys start with one of `prefixes`, less those `except` names (a key, or a
 * namespace ending in "." for all its keys): what an island needs, no more.
 */
export function pickMessages(
  locale: Locale,
  prefixes: readonly string[],
  except: readonly string[] = [],
): Partial<Record<MessageKey, Message>> {
  const excepted = (key: string) => except.some((e) => key === e || (e.endsWith('.') && key.startsWith(e)));
  const wanted = (key: string) => prefixes.some((p) => key.startsWith(p)) && !excepted(key);
  return Object.fromEntries(Object.entries(messages[locale]).filter(([key]) => wanted(key))) as Partial<Record<MessageKey, Message>>;
}
