/** What an engine function answers: the result body and the root key the API wraps it in. */
export interface Reply<Body> {
  root: string;
  body: Body;
}
