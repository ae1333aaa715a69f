import { facebookLoginConnect } from '../meta-graph/facebook-login-connect';
import { buildInstagramAuthorizeUrl, instagramAccounts } from './instagram-oauth';

/** Facebook Login; every Instagram professional account linked to a granted page is connected. */
export const INSTAGRAM_CONNECT = facebookLoginConnect({
  platform: 'INSTAGRAM',
  name: 'Instagram',
  segment: 'instagram',
  authorizeUrl: buildInstagramAuthorizeUrl,
  accounts: instagramAccounts,
});
