import type { ImportChannel } from '../../../shared/contract/channelNames';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { announced } from '../events';
import { importFiles } from '../services/articleImport';
import type { HandlersFor } from './types';

export function importHandlers(ctx: CoreContext): HandlersFor<ImportChannel> {
  return {
    'import.files': async ({ paths, project }) => {
      if (!ctx.host?.allowPathInputs) {
        throw new DossierError('forbidden', 'Importing by path is only available from the command line (dossier import FOLDER).');
      }
      return announced(ctx, { type: 'library.changed' }, await importFiles(ctx, paths, project === undefined ? {} : { project }));
    },
  };
}
