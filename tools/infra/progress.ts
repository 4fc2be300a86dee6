/** Progress lines for slow steps (downloads, builds, starts); the CLI prints them, tests may not. */
export type Progress = (message: string) => void;

export const quiet: Progress = () => undefined;
