import { fuzzEveryChannel } from '../helpers/fuzz/ipcFuzzSuite';

// The soak version of tests/unit/security/ipcFuzz.test.ts: same generator and checks, 1,000 payloads per channel.
fuzzEveryChannel(Number(process.env.DOSSIER_FUZZ_PAYLOADS ?? 1000));
