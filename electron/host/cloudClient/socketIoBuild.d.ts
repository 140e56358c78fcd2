/** Types for socket.io-client's self-contained build (the package ships them for its entry only). */
declare module 'socket.io-client/dist/socket.io.js' {
  const lookup: unknown;
  export default lookup;
}
