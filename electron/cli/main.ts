/**
 * Command line for IT staff and schedulers (`npm run cli -- <command>`). Commands are added by the services
 * that own them (backup, restore, verify).
 */
const [, , command] = process.argv;
process.stderr.write(`daftar-ikm: perintah tidak dikenal: ${command ?? '(kosong)'}\n`);
process.exit(64);
