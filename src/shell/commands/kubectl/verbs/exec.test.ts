import { describe, expect, it } from 'vitest';
import { shellOn } from '../../../testing/harness';
import { LiveCluster } from '../testing/live';

const golden = (name: string, text: string) => expect(text).toMatchFileSnapshot(`golden/${name}.txt`);

/** An alpine pod and an nginx deployment, running, and a shell on node1. */
function cluster() {
  const c = new LiveCluster();
  c.kubectl(['run', 'pingpong', '--image=alpine', '--', 'ping', '1.1.1.1']);
  c.kubectl('create deployment web --image=nginx');
  c.advance(30_000);
  const node1 = shellOn(c.world, 'node1');
  const web = c.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']).stdout;
  return { c, node1, web };
}

describe('kubectl exec', () => {
  it('runs one program inside the container: its hostname, files, environment', async () => {
    const { node1, web } = cluster();
    expect((await node1.run('kubectl exec pingpong -- hostname')).stdout).toBe('pingpong\n');
    expect((await node1.run('kubectl exec pingpong -- cat /etc/resolv.conf')).stdout).toContain('nameserver 10.96.0.10\n');
    expect((await node1.run(`kubectl exec deploy/web -- cat /usr/share/nginx/html/index.html`)).stdout).toContain('<h1>Welcome to nginx!</h1>');
    expect((await node1.run(`kubectl exec ${web} -- env`)).stdout).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect((await node1.run('kubectl exec pingpong -- sh -c "echo $((6*7)) > /tmp/x; cat /tmp/x; hostname | wc -c"')).stdout).toBe('42\n9\n');
    expect((await node1.run('kubectl exec pingpong -- ls /etc')).stdout.split('\n')).toEqual(expect.arrayContaining(['hostname', 'hosts', 'resolv.conf']));
  });

  it('reports a missing program, a non-zero exit, a missing container or pod as kubectl does', async () => {
    const { node1, web } = cluster();
    const noPing = await node1.run(`kubectl exec ${web} -- ping 1.1.1.1`);
    expect(noPing.exitCode).toBe(1);
    expect(noPing.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in \$PATH: unknown\n$/);
    expect(await node1.run('kubectl exec pingpong -- cat /nope')).toMatchObject({ exitCode: 1 });
    expect((await node1.run('kubectl exec pingpong -- cat /nope')).stderr).toMatch(/\ncommand terminated with exit code 1\n$/);
    expect((await node1.run('kubectl exec pingpong -c nope -- ls')).stderr).toBe('error: unable to upgrade connection: container not found ("nope")\n');
    expect((await node1.run('kubectl exec nope -- ls')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect((await node1.run('kubectl exec pingpong ls')).stderr).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    expect((await node1.run('kubectl exec pingpong')).stderr).toBe('error: you must specify at least one command for the container\n');
  });

  it('busybox\'s own ping and wget reach other pods across the overlay', async () => {
    const { c, node1, web } = cluster();
    const ip = c.kubectl(['get', 'pod', web, '-o', 'jsonpath={.status.podIP}']).stdout;
    const ping = await node1.run(`kubectl exec pingpong -- ping -c 2 ${ip}`);
    expect(ping.exitCode).toBe(0);
    expect(ping.stdout).toMatch(new RegExp(`^PING ${ip.replace(/\./g, '\\.')} \\(${ip.replace(/\./g, '\\.')}\\): 56 data bytes\n64 bytes from ${ip.replace(/\./g, '\\.')}: seq=0 ttl=64 time=`));
    expect(ping.stdout).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    const page = await node1.run(`kubectl exec pingpong -- wget -qO- http://${ip}/`);
    expect(page.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('-it sh: a busybox prompt inside the pod, commands run there, exit comes back to the node', async () => {
    const { node1 } = cluster();
    const r = await node1.run('kubectl exec -it pingpong -- sh', { input: 'hostname\ncd /etc\nls\necho $HOSTNAME > /tmp/me\ncat /tmp/me\nnope\nexit 3\n' });
    expect(r.exitCode).toBe(3);
    await golden('exec-it-busybox', r.output);
    expect((await node1.run('hostname')).stdout).toBe('node1\n');
  });

  it('Ctrl+C stops ping inside the shell (busybox prints its statistics), and the shell stays', async () => {
    const { node1 } = cluster();
    await node1.run('true');
    const job = node1.start('kubectl exec -it pingpong -- sh');
    node1.advance(100);
    node1.type('ping 1.1.1.1\n');
    node1.advance(2_500);
    node1.interrupt();
    node1.advance(100);
    node1.type('echo still here\n');
    node1.advance(100);
    node1.type('exit\n');
    const r = await job.done();
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^\/ # PING 1\.1\.1\.1 \(1\.1\.1\.1\): 56 data bytes\n(64 bytes from 1\.1\.1\.1: seq=\d ttl=\d+ time=[\d.]+ ms\n){3}\n--- 1\.1\.1\.1 ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\n/);
    expect(r.output).toMatch(/\/ # still here\n\/ # $/);
  });

  it('-it bash in nginx: the Debian prompt; Ctrl+D leaves', async () => {
    const { node1, web } = cluster();
    const job = node1.start(`kubectl exec -it ${web} -- bash`);
    node1.type('pwd\n');
    node1.advance(100);
    node1.eof();
    const r = await job.done();
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(`root@${web}:/# /\nroot@${web}:/# exit\n`);
  });

  it('without -t there is no prompt; without -i the shell sees no input', async () => {
    const { node1 } = cluster();
    expect((await node1.run('echo hostname | kubectl exec -i pingpong -- sh')).stdout).toBe('pingpong\n');
    expect((await node1.run('kubectl exec pingpong -- sh')).output).toBe('');
  });
});
