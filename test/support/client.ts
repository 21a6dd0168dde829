/** A minimal HTTP client that keeps the session cookie and sends the CSRF token, like the web client. */
export class ApiClient {
  readonly baseUrl: string;
  cookie: string | undefined;
  csrfToken: string | undefined;
  /** Sent as the Origin header when set, as a browser would. */
  origin: string | undefined;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrfToken;
    if (this.origin) h.origin = this.origin;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: h,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      const value = pair?.split('=')[1];
      this.cookie = value ? pair : undefined;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (HTML or metrics text)
    }
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrfToken = (parsed as { csrfToken: string }).csrfToken;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body, headers);
  }
  patch(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', path, body, headers);
  }
  put(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', path, body, headers);
  }
  delete(path: string, headers?: Record<string, string>) {
    return this.request('DELETE', path, undefined, headers);
  }

  async login(login: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { login, password });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}

/** A client logged in as `login` with the fixtures' password. */
export async function loginAs(baseUrl: string, login: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  await client.login(login, password);
  return client;
}
