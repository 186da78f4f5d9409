/** What can be wrong with a photo, in the order the app should mention them (the first is the main one). */
export const guardProblems = ['not-skin', 'too-dark', 'overexposed', 'low-contrast', 'blurred'] as const;

export type GuardProblem = (typeof guardProblems)[number];
