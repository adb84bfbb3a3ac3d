import { messenger } from "../shared/api.js";

interface MessageDisplayScripting {
  registerScripts(scripts: { id: string; js?: string[]; css?: string[] }[]): Promise<void>;
  getRegisteredScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
}

const ID = "authlens-banner";

/** Registers the banner as a message display script (Thunderbird 128+, MV3 scripting.messageDisplay). */
export async function registerBanner(): Promise<void> {
  const scripting = (messenger as unknown as { scripting?: { messageDisplay?: MessageDisplayScripting } }).scripting?.messageDisplay;
  if (!scripting) {
    console.warn("AuthLens: scripting.messageDisplay is not available; the inline banner is off.");
    return;
  }
  // Asking for an id that is not registered throws, so list them all.
  const existing = await scripting.getRegisteredScripts();
  if (!existing.some((s) => s.id === ID)) await scripting.registerScripts([{ id: ID, js: ["banner.js"] }]);
}
