/**
 * The request a gateway sent to the provider, as far as the adapters need it;
 * a fetch `Request` fits, and nothing of its body or headers is read.
 *
 * @public
 */
export interface GatewayRequest {
  /** The HTTP method, in any case. */
  readonly method?: string;
  /** The URL, absolute or a path; user info and credential-like query parameters are dropped. */
  readonly url?: string | URL;
  /** The catalog's endpoint id, when the caller knows it. */
  readonly endpoint?: string;
}
