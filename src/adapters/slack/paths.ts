// The HTTP paths Slack and probes call in HTTP mode; the manifest's request URLs use the same one.
// https://docs.slack.dev/tools/bolt-js/concepts/receiver

/** Commands, events and interactivity all arrive here. */
export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";
/** OAuth mode: where an installer starts, and where Slack sends them back with a code. */
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";
