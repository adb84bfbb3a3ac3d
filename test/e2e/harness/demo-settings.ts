/** The demo trusts its receiving server, preset as an administrator would (managed storage). */
export const DEMO_SETTINGS = { trustedAuthservIds: ["mx.example.net"] };
