// The phone's join page: renders the phone's state (live/phone.ts) into the page's elements. Plain
// DOM code, no framework: the page must stay small for old phones on bad Wi-Fi.
import { createPhone, voteKept, type PhoneState } from '../live/phone.ts';
import { tokenStore } from '../stores/live-phone.ts';
import { votingOpen } from '../live/protocol.ts';
import { splitParagraphs } from '../i18n/typography.ts';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Puts a content text into an element as its paragraphs (blank lines separate them; single line breaks are the author's wrapping). */
function showParagraphs(element: HTMLElement, text: string): void {
  element.replaceChildren(
    ...splitParagraphs(text).map((line) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = line;
      return paragraph;
    }),
  );
}

export function startJoinPage(): void {
  const locale = document.documentElement.lang;
  // The page's strings, with at most one {name} each: no plural forms, so no translator to carry.
  const strings = JSON.parse(byId('join-strings').textContent ?? '{}') as Record<string, string>;
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    Object.entries(vars).reduce((text, [name, value]) => text.replace(`{${name}}`, String(value)), strings[key] ?? key);
  const phone = createPhone(tokenStore());
  const form = byId<HTMLFormElement>('join-form');
  const input = byId<HTMLInputElement>('join-code');
  const room = byId('join-room');
  const choices = byId('join-choices');
  let shown = '';

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', `?code=${encodeURIComponent(input.value.trim())}`);
    void phone.join(input.value);
  });

  // What the page says of a problem and of the link to the room (nothing for the other states).
  const problems: Partial<Record<NonNullable<PhoneState['problem']>, string>> = {
    'unknown-code': 'join.unknownCode',
    'rate-limited': 'join.rateLimited',
    unreachable: 'join.unreachable',
    unsupported: 'join.unsupported',
  };
  const links: Partial<Record<NonNullable<PhoneState['link']>, string>> = {
    reconnecting: 'join.reconnecting',
    connecting: 'join.connecting',
    live: 'join.live',
  };
  const said = (key: string | undefined) => (key ? t(key) : '');

  phone.$phone.subscribe((s) => {
    const r = s.room;
    // Another language's room: the same page in its language.
    if (s.joined && s.joined.locale !== locale && /^[a-z]{2}$/.test(s.joined.locale)) {
      location.replace(`/${s.joined.locale}/join/?code=${encodeURIComponent(s.code ?? '')}`);
      return;
    }
    const inRoom = !!r && s.problem !== 'closed';
    form.hidden = inRoom;
    room.hidden = !inRoom;
    byId('join-problem').textContent = said(s.problem && problems[s.problem]);
    // A drop and the end of live voting are news; being connected is not.
    byId('join-link').classList.toggle('notice', s.problem === 'closed' || s.link === 'reconnecting');
    byId('join-link').textContent = said(
      s.problem === 'closed' ? 'join.closed' : voteKept(s) ? 'join.reconnectingKept' : s.link && links[s.link],
    );
    if (!r || !inRoom) return;
    const m = r.moment;
    const key = `${m.step}/${m.node}/${m.consequence ? 1 : 0}`;
    const consequence = byId('join-consequence');
    consequence.hidden = !m.consequence;
    byId('join-consequence-title').textContent = m.consequence ? t('join.consequence', { choice: m.consequence.label }) : '';
    showParagraphs(byId('join-consequence-text'), m.consequence?.text ?? '');
    // While the room talks over what its choice did, the next moment (or the ending) waits for
    // the screen: a phone that showed it ran ahead of the room.
    const waiting = !!m.consequence;
    for (const id of ['join-step', 'join-moment', 'join-text']) byId(id).hidden = waiting;
    // The room is named by what shows: a hidden title still names it for a screen reader.
    room.setAttribute('aria-labelledby', waiting ? 'join-consequence-title' : 'join-moment');
    byId('join-step').textContent = m.kind === 'decision' ? t('join.step', { n: m.step + 1 }) : t('join.ending');
    byId('join-moment').textContent = m.title;
    showParagraphs(byId('join-text'), m.text);
    byId('join-next').textContent = m.kind === 'decision' && m.consequence ? t('join.next') : '';
    const open = votingOpen(m);
    choices.replaceChildren(
      ...(m.kind === 'decision' && !m.consequence ? m.choices : []).map((c) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = c.label;
        const pressed = (s.tapped?.outcome === 'sending' ? s.tapped.choice : s.mine) === c.id;
        button.className = pressed ? '' : 'secondary';
        button.setAttribute('aria-pressed', String(pressed));
        button.disabled = !open;
        // The answer to a tap ("sending…", then "received") shows below the choices, which on a
        // phone's screen may be below the fold: brought into view as the tap is made.
        button.addEventListener('click', () => {
          void phone.vote(c.id);
          byId('join-vote').scrollIntoView({ block: 'nearest' });
        });
        item.append(button);
        return item;
      }),
    );
    const tapped = s.tapped;
    byId('join-vote').textContent =
      m.kind !== 'decision' || m.consequence
        ? ''
        : m.revealed
          ? s.mine
            ? t('join.revealed')
            : t('join.revealedNoVote')
          : tapped?.outcome === 'sending'
            ? t('join.sending')
            : tapped?.outcome === 'failed'
              ? t('join.voteFailed')
              : tapped?.outcome === 'closed'
                ? t('join.voteClosed')
                : s.mine
                  ? t('join.received')
                  : t('join.tap');
    // A new moment (or the consequence before it) takes the reader's focus to its title; a new vote does not.
    if (key !== shown) {
      // The room moved on, not the phone's owner: no focus ring (which looked like an error).
      if (shown) byId(waiting ? 'join-consequence-title' : 'join-moment').focus({ focusVisible: false });
      shown = key;
    }
  });

  const code = new URLSearchParams(location.search).get('code');
  if (code) {
    input.value = code;
    void phone.join(code);
  }
}
