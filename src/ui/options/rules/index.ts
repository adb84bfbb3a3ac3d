/** The rules editor, the action log and the new-mail settings of the options page (issue 6). */
import "./action-log.js";
import "./new-mail-section.js";
import "./rules-section.js";

export { rulesStyles } from "./styles.js";

