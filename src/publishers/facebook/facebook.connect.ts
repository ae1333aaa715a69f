import { facebookLoginConnect } from '../meta-graph/facebook-login-connect';
import { buildFacebookAuthorizeUrl, facebookPageAccounts } from './facebook-oauth';

/** Facebook Login; every page the admin granted is connected (page tokens do not expire). */
export const FACEBOOK_CONNECT = facebookLoginConnect({
  platform: 'FACEBOOK',
  name: 'Facebook',
  segment: 'facebook',
  authorizeUrl: buildFacebookAuthorizeUrl,
  accounts: facebookPageAccounts,
});
