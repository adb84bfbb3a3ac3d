// The npm `punycode` package (imported as "punycode/" so Node does not pick its deprecated
// built-in module) ships no type declarations; these are the two functions AuthLens uses.
declare module "punycode/" {
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
}
