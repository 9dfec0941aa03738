// English text of Settings → Sync (spread into ../en.ts as the `sync` section).
export const enSync = {
  sync: {
    title: 'Sync with your other devices',
    intro:
      'Keep one log on your phone and your computer through a sync server (CouchDB). Whoever runs it — your company, or you — gives you its address, your user name and your password. Without it, everything stays on this device.',
    server: 'Server address',
    serverHint: 'For example https://couch.example.com',
    user: 'User name',
    password: 'Password',
    passwordHint: 'Sent to the server once to sign in; never stored on this device.',
    signIn: 'Sign in and sync',
    signingIn: 'Signing in…',
    signedInAs: 'Syncing as {user} with {server}.',
    signOut: 'Sign out',
    signOutQuestion: 'Keep your data on this device after signing out?',
    signOutHint: 'Either way it stays on the server and on your other devices.',
    keepLocal: 'Keep it on this device',
    deleteLocal: 'Delete it from this device',
    cancel: 'Cancel',
    signedOut: 'Signed out. This device no longer syncs; its data stays here.',
    wrongPassword: 'The user name or password is wrong.',
    unreachable: 'The server cannot be reached at this address. Check the address and your connection.',
    noDatabase:
      'Signed in, but this server has no database for this user yet. Ask whoever runs it to set you up.',
    serverError: 'The server answered with an error. Try again later.',
  },
  syncConflicts: {
    title: '{entity} was changed on two devices',
    intro:
      'The same place was changed differently on two devices while they were apart. Both versions are kept until you choose; everything else from both devices is already combined.',
    charter: 'The charter “{title}”',
    item: 'A saved item',
    otherPart: 'Other details',
    afterSales: 'After the sale',
    thisDevice: 'This device',
    otherDevice: 'The other device',
    version: 'Version {n}',
    keepThis: 'Keep this device’s',
    keepOther: 'Keep the other device’s',
    keepVersion: 'Keep version {n}',
    empty: '(empty)',
  },
};
