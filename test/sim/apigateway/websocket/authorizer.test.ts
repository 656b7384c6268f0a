// Proves WebSocket authorization (APIGW-01, APIGW-12): only REQUEST Lambda authorizers exist, only on
// `$connect`; a missing identity source (header or query string of the handshake) refuses the
// connection with 401 without calling the function; Deny → 403; Allow → connected, and the
// authorizer's principalId and context reach every later message event of the connection.
import { describe, expect, it } from 'vitest';
import { chatApi, connectAs, errorText, route, run, send } from './helpers.js';

function withAuthorizer(identitySource = 'route.request.header.Authorization') {
  const api = chatApi({ ok: 'catalog.http-ok', auth: 'catalog.request-authorizer' });
  const authorizerId = String(run(api.session, `aws apigatewayv2 create-authorizer --api-id ${api.apiId} --name gate --authorizer-type REQUEST --authorizer-uri auth --identity-source ${identitySource}`)['AuthorizerId']);
  route(api, '$connect', 'ok', `--authorization-type CUSTOM --authorizer-id ${authorizerId}`);
  return { api, authorizerId };
}

const authorizerRuns = (api: ReturnType<typeof chatApi>) => api.session.world.trace.all().filter((e) => e.operation === 'authorizer-decided').map((e) => [e.outcome, e.detail['isFunctionInvoked']]);

describe('where authorizers go', () => {
  it('refuses an authorizer on any route but $connect', () => {
    const { api, authorizerId } = withAuthorizer();
    expect(errorText(api.session, `aws apigatewayv2 create-route --api-id ${api.apiId} --route-key sendmessage --authorization-type CUSTOM --authorizer-id ${authorizerId}`))
      .toMatchInlineSnapshot(`"An error occurred (BadRequestException) when calling the CreateRoute operation: Currently, authorization is restricted to the $connect route only"`);
  });

  it('takes only REQUEST authorizers', () => {
    const api = chatApi({ auth: 'catalog.request-authorizer' });
    expect(errorText(api.session, `aws apigatewayv2 create-authorizer --api-id ${api.apiId} --name jwt --authorizer-type JWT --authorizer-uri auth`))
      .toMatchInlineSnapshot(`"An error occurred (BadRequestException) when calling the CreateAuthorizer operation: AuthorizerType JWT is not valid for a WEBSOCKET API: only REQUEST (a Lambda authorizer) is supported"`);
  });
});

describe('authorizing the handshake', () => {
  it('refuses with 401 without calling the function when the header is missing', () => {
    const { api } = withAuthorizer();
    expect(connectAs(api, 'alice')).toMatchObject({ connected: false, statusCode: 401 });
    expect(authorizerRuns(api)).toEqual([['UNAUTHORIZED', false]]);
  });

  it('reads a query-string identity source from the wss:// URL', () => {
    const { api } = withAuthorizer('route.request.querystring.token');
    expect(connectAs(api, 'alice', '--header Authorization=allow')).toMatchObject({ connected: false, statusCode: 401 });
    expect(connectAs(api, 'bob', '--header Authorization=allow --query token=t1')).toMatchObject({ connected: true });
    expect(authorizerRuns(api)).toEqual([['UNAUTHORIZED', false], ['ok', true]]);
  });

  it('refuses with 403 on Deny and connects on Allow', () => {
    const { api } = withAuthorizer();
    expect(connectAs(api, 'mallory', '--header Authorization=deny')).toMatchObject({ connected: false, statusCode: 403 });
    expect(connectAs(api, 'alice', '--header Authorization=allow')).toMatchObject({ connected: true });
  });

  it("hands the authorizer's principalId and context to later message events, which are not authorized again", () => {
    const { api } = withAuthorizer();
    const routeId = route(api, '$default', 'ok');
    run(api.session, `aws apigatewayv2 create-route-response --api-id ${api.apiId} --route-id ${routeId} --route-response-key '$default'`);
    connectAs(api, 'alice', '--header Authorization=allow');
    const event = JSON.parse(String(send(api, 'alice', 'hi')['reply'])) as { requestContext: Record<string, unknown> };
    expect(event.requestContext['authorizer']).toEqual({ simulated: 'true', principalId: 'user' });
    expect(authorizerRuns(api)).toHaveLength(1);
  });
});
