// The console's live-voting panel, loaded when live voting is switched on (or a session that had
// it resumes): why live voting is off, if it is; else the join code and address, how many phones
// joined, the link's state, Stop, and the address that opens the projector screen on another device.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useStore } from './use-store.ts';
import { createLiveRoom } from '../stores/live-room.ts';
import { createLivePanel } from '../stores/live-panel.ts';
import type { Workshop } from '../stores/workshop.ts';
import type { ConsoleChannel } from '../workshop/screen-channel.ts';
import type { Translate } from '../i18n/messages.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface Props {
  workshop: Workshop;
  /** The console's channel to the projector screens in this browser, which hear of the room over it. */
  screen: ConsoleChannel | undefined;
  t: Translate;
  scenario: string;
  locale: string;
  /** The projector screen's path, e.g. /en/facilitate/contractor/screen/. */
  screenPath: string;
  /** Start a room at once (the facilitator pressed Start), rather than resume this session's. */
  start: boolean;
  /**
   * Takes focus once live voting started or stopped (the live section's heading): the button that
   * had it is gone, and focus would fall to the page's top, far from the votes.
   */
  refocus: () => void;
}

export default function LivePanel({ workshop, screen, t, scenario, locale, screenPath, start, refocus }: Props) {
  const live = useMemo(() => createLiveRoom(workshop, screen, scenario, locale), [workshop]);
  const panel = useMemo(() => createLivePanel(live, screenPath), [live]);
  const view = useStore(panel.$panel);
  const stopDialog = useRef<HTMLDialogElement>(null);
  // Asks whether a live server answers here, then starts the room (or resumes this session's).
  useEffect(() => panel.open(start), [panel]);
  const { room, status, joinOrigin } = view;
  const { ballot, phones } = useStore(workshop.$view);
  return (
    <>
      <p role="status" class="live-status">
        {status && t(status.key, status.values)}
      </p>
      {room ? (
        <>
          <p class="live-join">{t('live.on', { address: room.join, code: room.code })}</p>
          {/* The phones' share of each choice's votes (the tally below adds them to the hand counts).
              On the feedback the room, phones included, is still on the consequence: no next votes yet. */}
          {ballot && (
            <ol class="from-phones">
              {ballot.map((id) => (
                <li key={id}>{t('live.fromPhones', { count: phones[id] ?? 0 })}</li>
              ))}
            </ol>
          )}
          {view.loopback && <p class="muted">{t('live.unreachableAddress', { address: joinOrigin ?? '' })}</p>}
          <p class="muted">
            {t('live.otherScreen')} <code>{view.otherScreen}</code>
          </p>
          <button type="button" class="secondary" onClick={() => stopDialog.current?.showModal()}>
            {t('live.stop')}
          </button>
          <ConfirmDialog
            dialog={stopDialog}
            id="live-stop"
            question={t('live.stopConfirm')}
            confirm={t('live.stop')}
            cancel={t('player.cancel')}
            onConfirm={() => void live.stop().then(refocus)}
          />
        </>
      ) : (
        <button type="button" disabled={!view.canStart} onClick={() => void panel.begin(true).then(refocus)}>
          {t('live.start')}
        </button>
      )}
    </>
  );
}
