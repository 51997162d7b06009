export interface Config {
  app?: {
    /**
     * Sign-in options shown on the sign-in page, in order: `guest`
     * (development) and `github`. Default: [guest].
     * @visibility frontend
     */
    signInProviders?: Array<'guest' | 'github'>;
  };
}
