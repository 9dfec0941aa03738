// pouchdb-adapter-http and pouchdb-replication ship no types: both are plugins for PouchDB.plugin().
declare module 'pouchdb-adapter-http' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
