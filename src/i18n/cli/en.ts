// The command line's words (src/cli/charter.ts), in the catalogues' message format. Kept out of en.ts: the
// app never shows them, so its catalogue does not carry them. ko.ts must have the same keys.
export const enCli = {
  usage: `Usage:
  charter render <charter-or-backup.json> -o <out.pdf> [--charter <id>] [--public-url https://…] [--time-zone Area/City] [--track-record [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO]]
  charter validate <file.json>
  charter score <backup.json> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now ISO] [--json]
Options: --lang ko|en (messages; default from LANG); --time-zone: the IANA zone of the dates (default: the file's business calendar, else Asia/Seoul)`,
  unknownCommand: 'Unknown command "{command}".',
  needFile: 'Give the path of a JSON file.',
  needOut: 'Give the output file with -o <out.pdf>.',
  cannotRead: 'Cannot read {file}: {reason}',
  invalid:
    '{file} is not a valid service charter file ({count, plural, one {# problem} other {# problems}}):',
  valid:
    '{file} is valid: {charters, plural, one {# charter} other {# charters}}, {records, plural, one {# delivery record} other {# delivery records}}.',
  noCharters: 'The file holds no charter.',
  chooseCharter: 'The file holds several charters; choose one with --charter <id>: {ids}',
  noSuchCharter: 'No charter with id "{id}". Charters in the file: {ids}',
  wrote: 'Wrote {file} ({bytes} bytes).',
  renderFailed: 'The PDF could not be made: {reason}',
  badPublicUrl: '--public-url must be a web address starting with https:// (or http://).',
  badTimeZone: '--time-zone must be an IANA time zone like Asia/Seoul or America/New_York, not "{zone}".',
  noLink: 'The PDF carries no link: only a published charter is shared, and its link must not be too long.',
  whole: '(whole file)',
  badDate: '--{option} must be a date like 2026-11-22 (or an ISO instant for --now).',
  badPeriod: '--from must come before --to.',
  scoreHead: {
    commitment: 'Commitment',
    kept: 'Kept',
    n: 'n',
    overDelivered: 'Over-delivered',
    medianMargin: 'Median margin',
    recovered: 'Recovered',
    open: 'Open',
  },
  overall: 'All commitments',
  charterLine: 'Charter: {title}',
  noData: 'no data',
} as const;

/** The shape of the command line's words in every language: enCli's keys, each holding a string. */
export type CliMessages = {
  readonly [K in keyof typeof enCli]: (typeof enCli)[K] extends string
    ? string
    : { readonly [J in keyof (typeof enCli)[K]]: string };
};
