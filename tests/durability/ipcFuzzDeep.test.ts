import { fuzzEveryChannel } from '../helpers/fuzz/ipcFuzzSuite';

// The soak version of tests/unit/security/ipcFuzz.test.ts: same generator and checks, many more payloads.
fuzzEveryChannel(Number(process.env.DOSSIER_FUZZ_PAYLOADS ?? 3000));
