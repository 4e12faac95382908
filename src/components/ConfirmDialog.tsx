// A modal question with a confirming and a cancelling button, shared by the player, the progress
// page and the facilitator's pages (the console's live-voting panel imports it alone).
import type { Ref } from 'preact';

/** A modal question with a confirming and a cancelling button; open it with `ref.current.showModal()`. */
export function ConfirmDialog(props: {
  dialog: Ref<HTMLDialogElement>;
  id: string;
  question: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
}) {
  return (
    <dialog ref={props.dialog} aria-labelledby={props.id} class="confirm">
      <form method="dialog">
        <p id={props.id}>{props.question}</p>
        {/* Cancel comes first and looks primary: the dialog opens on it, and a quick tap keeps the run. */}
        <div class="confirm-actions">
          <button type="submit" value="cancel">
            {props.cancel}
          </button>
          <button type="submit" value="confirm" class="secondary" onClick={props.onConfirm}>
            {props.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
