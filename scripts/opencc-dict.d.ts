/** opencc-js's dictionaries (its package exports `./*`): each a string of entries 「词 譯|…」. */
declare module 'opencc-js/dict/*' {
  const entries: string;
  export default entries;
}
