// The player inside an embed frame: options from the query string, runs kept in this browser
// or in memory and every step reported to the host page (stores/embed-run.ts).
//
// A class component, as ScenarioPlayer is: its state (the options, a notice) and the player's
// view render through preact's Component, which every island carries anyway, so the frame
// carries no hooks (0.7 KB gzipped less on its script, which the embedders' page counts).
import { Component } from 'preact';
import ScenarioPlayer from './ScenarioPlayer.tsx';
import { PlayerOutcome } from './PlayerOutcome.tsx';
import { createEmbedPlayer } from '../stores/embed-run.ts';
import { connectToHost, reportHeight } from '../embed/frame-bridge.ts';
import { embedOptions, type EmbedOptions } from '../embed/protocol.ts';
import { translator } from '../i18n/messages.ts';
import type { PlayerIslandProps } from '../course/props.ts';
import { makeEarlyChoice } from '../scripts/early-choice.ts';

interface State {
  /** The host's options, known once the page runs (the server renders the defaults). */
  options: EmbedOptions;
  /** Said when the frame took over a run another frame saved. */
  notice?: string;
}

export default class EmbedPlayer extends Component<PlayerIslandProps, State> {
  // The server renders the defaults: what no query asks for.
  override state: State = { options: embedOptions('') };
  t = translator(this.props.locale, this.props.messages);
  // Another frame of the same scenario may be on this very page: "another tab" alone would mislead.
  embed = createEmbedPlayer(this.props.scenario, this.props.fingerprint, () => this.setState({ notice: this.t('player.movedCopy') }));
  /** Stops following other frames and the player's view. */
  stop?: () => void;

  // Before the first paint of the live player (preact calls it where it runs layout effects): a
  // choice clicked while it loaded is made at once, and shown.
  override componentDidMount() {
    const chosen = embedOptions(location.search);
    if (chosen.theme !== 'auto') document.documentElement.dataset['theme'] = chosen.theme;
    this.setState({ options: chosen });
    const host = connectToHost();
    const { player, open } = this.embed;
    const rerender = player.$view.listen(() => this.forceUpdate());
    const following = open(host, chosen);
    reportHeight(host);
    this.stop = () => {
      rerender();
      following();
    };
    makeEarlyChoice(player);
  }

  override componentWillUnmount() {
    this.stop?.();
  }

  render({ scenario, story }: PlayerIslandProps, { options, notice }: State) {
    const { player } = this.embed;
    return (
      <ScenarioPlayer
        scenario={scenario}
        player={player}
        view={player.$view.get()}
        t={this.t}
        story={story}
        outcome={(slot) => <PlayerOutcome {...slot} player={player} t={this.t} />}
        allowUndo={options.undo}
        hideScore={options.hideScore}
        {...(notice && { notice })}
      />
    );
  }
}
