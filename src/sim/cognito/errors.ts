// Cognito's error names and messages (COG-03). Cognito answers 400 for nearly all of them; messages
// follow what Cognito says where we know it; "from memory" marks the ones we are less sure of.
import { awsError, type AwsError } from '../result.js';

const cognito = (name: string, message: string, statusCode = 400): AwsError => awsError(name, statusCode, message);

export const incorrectPassword = (): AwsError => cognito('NotAuthorizedException', 'Incorrect username or password.');
export const userDisabled = (): AwsError => cognito('NotAuthorizedException', 'User is disabled.');
export const userNotFound = (): AwsError => cognito('UserNotFoundException', 'User does not exist.');
export const userNotConfirmed = (): AwsError => cognito('UserNotConfirmedException', 'User is not confirmed.');
export const usernameExists = (): AwsError => cognito('UsernameExistsException', 'User already exists');
export const codeMismatch = (): AwsError => cognito('CodeMismatchException', 'Invalid verification code provided, please try again.');
export const expiredCode = (): AwsError => cognito('ExpiredCodeException', 'Invalid code provided, please request a code again.');
export const invalidPassword = (reason: string): AwsError => cognito('InvalidPasswordException', `Password did not conform with policy: ${reason}`);
export const invalidParameter = (message: string): AwsError => cognito('InvalidParameterException', message);
export const notAuthorized = (message: string): AwsError => cognito('NotAuthorizedException', message);
export const resourceNotFound = (message: string): AwsError => cognito('ResourceNotFoundException', message);
export const alreadyConfirmed = (): AwsError => cognito('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
/** From memory: the identity-pool answer when a role cannot be assumed. */
export const invalidPoolConfiguration = (): AwsError =>
  cognito('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.');
