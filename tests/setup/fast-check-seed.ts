import fc from 'fast-check';

// In CI (CI=true) property tests run with a fixed seed, so a red build can be reproduced exactly and a green
// one does not turn red by chance; locally every run explores new cases. A failure prints its seed either way.
if (process.env.CI) fc.configureGlobal({ seed: 20_261_124 });
