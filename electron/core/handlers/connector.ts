import type { ConnectorChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import { connectorState } from '../connector/state';
import type { HandlersFor } from './types';

export function connectorHandlers(ctx: CoreContext): HandlersFor<ConnectorChannel> {
  return {
    'connector.startPairing': () => connectorState(ctx).pairing.start(),
    'connector.setCurrentNote': ({ noteId }) => {
      connectorState(ctx).currentNoteId = noteId;
      return { noteId };
    },
  };
}
