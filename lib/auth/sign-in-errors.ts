// Client-safe codes that authorize() throws; next-auth hands the message to signIn() as
// `error`, so these are all the login form learns about why a sign-in failed.

export const tooManySignInAttemptsError = "TooManySignInAttempts";
export const signInUnavailableError = "SignInUnavailable";
