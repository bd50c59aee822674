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
    'connector.pairedExtensions': () => connectorState(ctx).pairing.list(),
    'connector.revoke': ({ id }) => {
      connectorState(ctx).pairing.revoke(id);
      return { id };
    },
    'connector.claimQuote': ({ requestId }) => connectorState(ctx).liveQuotes.claim(requestId),
    'connector.quoteInserted': ({ requestId }) => ({ accepted: connectorState(ctx).liveQuotes.inserted(requestId) }),
  };
}
