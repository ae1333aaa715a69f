import { invitationRoute } from './InvitationPage';
import { noWorkspaceRoute } from './NoWorkspacePage';
import { resetConfirmRoute, resetRequestRoute } from './PasswordResetPages';
import { signInRoute } from './SignInPage';
import { signOutRoute } from './SignOutPage';

/** Pages outside any workspace: sign-in and out, password reset, invitations. */
export const authRoutes = [
  signInRoute,
  signOutRoute,
  resetRequestRoute,
  resetConfirmRoute,
  invitationRoute,
  noWorkspaceRoute,
];
