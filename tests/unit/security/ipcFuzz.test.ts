import { fuzzEveryChannel } from '../../helpers/fuzz/ipcFuzzSuite';

// A few hundred payloads per channel keep `npm test` fast; tests/durability/ipcFuzzDeep.test.ts runs 1,000.
fuzzEveryChannel(Number(process.env.DOSSIER_FUZZ_PAYLOADS ?? 150));
