/**
 * What `kubectl explain` says about the kinds and fields learners meet first, in our own short
 * words: each field has its type as explain prints it (`<string>`, `<[]Container>`,
 * `<map[string]string>`), a description, its fields if it is an object, whether it is required
 * and the values of an enum.
 */

export interface Field {
  /** The type as explain shows it: "string", "[]Container", "PodSpec". */
  readonly type: string;
  readonly description: string;
  readonly fields?: Readonly<Record<string, Field>>;
  readonly required?: boolean;
  readonly enum?: readonly string[];
}

export interface ExplainedKind {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly description: string;
  readonly fields: Readonly<Record<string, Field>>;
}

type Fields = Readonly<Record<string, Field>>;

const f = (type: string, description: string, fields?: Fields): Field => (fields ? { type, description, fields } : { type, description });
const req = (field: Field): Field => ({ ...field, required: true });
const oneOf = (field: Field, values: readonly string[]): Field => ({ ...field, enum: values });
const S = (d: string) => f('string', d);
const I = (d: string) => f('integer', d);
const B = (d: string) => f('boolean', d);
const MAP = (d: string) => f('map[string]string', d);
const STRINGS = (d: string) => f('[]string', d);

const OWNER_REF: Fields = {
  apiVersion: req(S('API version of the owner.')),
  kind: req(S('Kind of the owner, such as ReplicaSet.')),
  name: req(S('Name of the owner.')),
  uid: req(S('UID of the owner: a new object with the same name is a different owner.')),
  controller: B('True for the one owner that manages this object (its controller).'),
  blockOwnerDeletion: B('If true, a foreground deletion of the owner waits for this object to be deleted first.'),
};

const OBJECT_META = f('ObjectMeta', 'Standard object metadata: name, namespace, labels, annotations, and the fields the API server fills in.', {
  name: S('Name of the object, unique among objects of its kind in its namespace. Most names must be lowercase RFC 1123 subdomains.'),
  generateName: S('A prefix the server completes with five random characters when no name is given; controllers name their pods this way.'),
  namespace: S('The namespace the object lives in; empty for cluster-wide kinds such as nodes and namespaces.'),
  labels: MAP('Key/value pairs used to organize and select objects: selectors of services, replica sets and commands (kubectl get -l) match them.'),
  annotations: MAP('Key/value pairs for tools and people. They are not used to select objects and may hold larger values than labels.'),
  uid: S('A unique id the server gives the object when it is created; it never changes and is never reused.'),
  resourceVersion: S('An opaque version the server changes on every write; clients send it back to detect concurrent changes.'),
  generation: I('A number the server increases each time the desired state (the spec) changes.'),
  creationTimestamp: f('Time', 'When the server created the object, in UTC (RFC 3339).'),
  deletionTimestamp: f('Time', 'Set when deletion was requested: the object is going away once its grace period and finalizers are done.'),
  deletionGracePeriodSeconds: I('Seconds the object has left to terminate gracefully, set with deletionTimestamp.'),
  ownerReferences: f('[]OwnerReference', 'The objects this one depends on. When every owner is gone, the garbage collector deletes this object too.', OWNER_REF),
  finalizers: STRINGS('Names of things that must happen before the object is removed; deletion waits until the list is empty.'),
});

const REQUIREMENT: Fields = {
  key: req(S('The label key the requirement applies to.')),
  operator: req(S('How the key relates to the values: In, NotIn, Exists or DoesNotExist.')),
  values: STRINGS('Values for In and NotIn; empty for Exists and DoesNotExist.'),
};

const LABEL_SELECTOR = (d: string) => f('LabelSelector', d, {
  matchLabels: MAP('Labels an object must all have, with these values, to be selected.'),
  matchExpressions: f('[]LabelSelectorRequirement', 'More expressive requirements, all of which must hold.', REQUIREMENT),
});

const PORT = (d: string): Field => f('IntOrString', d);

const PROBE = (d: string) => f('Probe', d, {
  httpGet: f('HTTPGetAction', 'An HTTP GET on the container: any status from 200 to 399 is a success.', {
    path: S('Path to request, such as /healthz.'), port: req(PORT('Port number or name to connect to.')), host: S('Host to connect to; the pod IP by default.'),
  }),
  tcpSocket: f('TCPSocketAction', 'A TCP connection to a port: success when it opens.', { port: req(PORT('Port number or name to connect to.')) }),
  exec: f('ExecAction', 'A command run inside the container: exit status 0 is a success.', { command: STRINGS('The command and its arguments, run without a shell.') }),
  initialDelaySeconds: I('Seconds to wait after the container starts before the first probe.'),
  periodSeconds: I('How often to probe, in seconds. Defaults to 10.'),
  timeoutSeconds: I('Seconds after which a probe counts as failed. Defaults to 1.'),
  failureThreshold: I('Failures in a row before the probe is considered failed. Defaults to 3.'),
  successThreshold: I('Successes in a row, after a failure, before the probe is considered successful again. Defaults to 1.'),
});

const CONTAINER: Fields = {
  name: req(S('Name of the container, unique within the pod. kubectl logs -c and kubectl exec -c use it.')),
  image: S('The container image to run, such as nginx:1.25 or dockercoins/worker:v0.1.'),
  command: STRINGS('Replaces the image\'s ENTRYPOINT. Not run in a shell: use ["sh", "-c", "..."] for one.'),
  args: STRINGS('Replaces the image\'s CMD: the arguments given to the entrypoint.'),
  workingDir: S('The directory the command starts in; the image\'s own by default.'),
  ports: f('[]ContainerPort', 'Ports the container listens on. Listing them is informational: a port not listed is reachable too.', {
    containerPort: req(I('The port number, from 1 to 65535, on the pod\'s IP address.')),
    name: S('A name services can use as targetPort instead of the number.'),
    protocol: oneOf(S('Protocol of the port. Defaults to "TCP".'), ['SCTP', 'TCP', 'UDP']),
    hostPort: I('A port of the node to forward to this one. Rarely needed; it limits where the pod can run.'),
    hostIP: S('The node address to bind hostPort to.'),
  }),
  env: f('[]EnvVar', 'Environment variables for the container.', {
    name: req(S('Name of the variable.')),
    value: S('The value; $(OTHER) refers to a variable defined earlier.'),
    valueFrom: f('EnvVarSource', 'Takes the value from elsewhere instead.', {
      configMapKeyRef: f('ConfigMapKeySelector', 'A key of a config map.', { name: S('Name of the config map.'), key: req(S('The key to read.')) }),
      secretKeyRef: f('SecretKeySelector', 'A key of a secret.', { name: S('Name of the secret.'), key: req(S('The key to read.')) }),
      fieldRef: f('ObjectFieldSelector', 'A field of the pod, such as metadata.name or status.podIP.', { fieldPath: req(S('Path of the field.')) }),
    }),
  }),
  resources: f('ResourceRequirements', 'The CPU and memory the container asks for and may not exceed.', {
    requests: f('map[string]Quantity', 'What the scheduler reserves on a node for the container, such as cpu: 100m, memory: 64Mi.'),
    limits: f('map[string]Quantity', 'The most the container may use: over the memory limit it is killed, over the CPU limit it is throttled.'),
  }),
  volumeMounts: f('[]VolumeMount', 'Volumes of the pod to mount in this container\'s filesystem.', {
    name: req(S('Name of a volume of the pod.')),
    mountPath: req(S('Where the volume appears in the container.')),
    readOnly: B('Mount read-only. Defaults to false.'),
    subPath: S('A path inside the volume to mount instead of its root.'),
  }),
  imagePullPolicy: oneOf(S('When to pull the image: Always for a :latest tag or none, IfNotPresent otherwise.'), ['Always', 'IfNotPresent', 'Never']),
  livenessProbe: PROBE('Checks that the container is alive; the kubelet restarts it when the check keeps failing.'),
  readinessProbe: PROBE('Checks that the container can serve; until it passes the pod is not Ready and services send it no traffic.'),
  startupProbe: PROBE('Checks that the container has started; the other probes wait for it.'),
  securityContext: f('SecurityContext', 'Security options of the container: user, privileges, capabilities.', {
    privileged: B('Run with the privileges of a process on the node itself.'),
    runAsUser: I('The user id the process runs as.'),
    runAsNonRoot: B('Refuse to start the container as root.'),
  }),
  stdin: B('Keep a standard input open for the container (kubectl run -i, kubectl attach).'),
  tty: B('Give the container a terminal; needs stdin.'),
};

const TOLERATION: Fields = {
  key: S('The taint key this toleration matches; empty with operator Exists matches every taint.'),
  operator: oneOf(S('Equal (the default) compares the value too; Exists matches any value.'), ['Equal', 'Exists']),
  value: S('The taint value to match with operator Equal.'),
  effect: oneOf(S('The taint effect to match; empty matches all of them.'), ['NoExecute', 'NoSchedule', 'PreferNoSchedule']),
  tolerationSeconds: I('For NoExecute taints: how long the pod may stay on the node once the taint appears.'),
};

const POD_SPEC = f('PodSpec', 'What the pod should run and how: its containers, volumes, restart policy and placement.', {
  containers: req(f('[]Container', 'The containers of the pod. There must be at least one; they share the pod\'s IP address and volumes.', CONTAINER)),
  initContainers: f('[]Container', 'Containers run one after the other, each to completion, before the main containers start.', CONTAINER),
  restartPolicy: oneOf(S('What the kubelet does when a container exits: restart it (Always, the default), only after a failure (OnFailure), or never.'), ['Always', 'Never', 'OnFailure']),
  nodeName: S('The node the pod runs on. The scheduler sets it; setting it yourself skips the scheduler.'),
  nodeSelector: MAP('Labels a node must have for the pod to be scheduled there.'),
  tolerations: f('[]Toleration', 'Taints of nodes this pod accepts, such as the control-plane taint of node1.', TOLERATION),
  affinity: f('Affinity', 'Finer rules for choosing nodes, and for placing pods near or away from other pods.', {
    nodeAffinity: f('NodeAffinity', 'Rules about node labels, required or preferred.'),
    podAffinity: f('PodAffinity', 'Prefer or require nodes that run certain other pods.'),
    podAntiAffinity: f('PodAntiAffinity', 'Prefer or require nodes that do not run certain other pods.'),
  }),
  volumes: f('[]Volume', 'Volumes the containers of the pod can mount.', {
    name: req(S('Name of the volume, used by volumeMounts.')),
    emptyDir: f('EmptyDirVolumeSource', 'An empty directory that lives as long as the pod.'),
    hostPath: f('HostPathVolumeSource', 'A file or directory of the node.', { path: req(S('Path on the node.')), type: S('What must exist there: Directory, File, DirectoryOrCreate...') }),
    configMap: f('ConfigMapVolumeSource', 'The keys of a config map, one file each.', { name: S('Name of the config map.') }),
    secret: f('SecretVolumeSource', 'The keys of a secret, one file each.', { secretName: S('Name of the secret.') }),
    persistentVolumeClaim: f('PersistentVolumeClaimVolumeSource', 'Storage claimed through a PersistentVolumeClaim.', { claimName: req(S('Name of the claim.')) }),
  }),
  hostNetwork: B('Use the node\'s network namespace instead of a pod IP: the pod sees the node\'s addresses and ports.'),
  serviceAccountName: S('The service account whose identity the pod\'s processes use towards the API server.'),
  terminationGracePeriodSeconds: I('Seconds between the stop signal and the kill when the pod is deleted. Defaults to 30.'),
  dnsPolicy: oneOf(S('How the pod resolves names. ClusterFirst, the default, asks the cluster DNS first.'), ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']),
  hostname: S('The pod\'s hostname; its name by default.'),
  priorityClassName: S('A priority class: higher priority pods are scheduled first and may preempt others.'),
  schedulerName: S('The scheduler that places the pod. Defaults to "default-scheduler".'),
});

const CONDITIONS = (d: string) => f('[]Condition', d, {
  type: req(S('The kind of condition, such as Ready or Available.')),
  status: req(S('True, False or Unknown.')),
  reason: S('A one-word, CamelCase reason for the last transition.'),
  message: S('A human-readable explanation.'),
  lastTransitionTime: f('Time', 'When the status last changed.'),
});

const POD_STATUS = f('PodStatus', 'What the kubelet last reported about the pod. Read-only.', {
  phase: oneOf(S('Where the pod is in its life: Pending (not all containers started), Running, Succeeded or Failed (all containers ended), Unknown.'), ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown']),
  podIP: S('The pod\'s IP address, from the pod network (10.32.0.0/12 with Weave).'),
  podIPs: f('[]PodIP', 'The pod\'s IP addresses, one per address family.', { ip: S('An IP address.') }),
  hostIP: S('The IP address of the node the pod runs on.'),
  startTime: f('Time', 'When the kubelet accepted the pod.'),
  conditions: CONDITIONS('PodScheduled, Initialized, ContainersReady and Ready, as True or False.'),
  containerStatuses: f('[]ContainerStatus', 'The state of each container: waiting, running or terminated, ready or not, and its restart count.'),
  qosClass: oneOf(S('The quality of service class its requests and limits give the pod.'), ['BestEffort', 'Burstable', 'Guaranteed']),
  message: S('Why the pod is in this state, in a sentence.'),
  reason: S('Why the pod is in this state, in a word, such as Evicted.'),
});

const TEMPLATE = (d: string) => req(f('PodTemplateSpec', d, {
  metadata: f('ObjectMeta', 'Metadata of the pods: their labels must match the selector.', OBJECT_META.fields),
  spec: f('PodSpec', POD_SPEC.description, POD_SPEC.fields),
}));

const ROLLING = (d: string) => f('RollingUpdateDeployment', d, {
  maxSurge: PORT('How many pods (or what percentage of replicas) may exist above the desired count during the update. Defaults to 25%.'),
  maxUnavailable: PORT('How many pods (or what percentage of replicas) may be unavailable during the update. Defaults to 25%.'),
});

const API_VERSION = S('The version of the schema this object uses, such as v1 or apps/v1. The server converts between versions it knows.');
const KIND = S('The kind of object, in CamelCase, such as Pod or Deployment.');

function kind(kindName: string, group: string, version: string, description: string, fields: Fields): ExplainedKind {
  return { kind: kindName, group, version, description, fields: { apiVersion: API_VERSION, kind: KIND, metadata: OBJECT_META, ...fields } };
}

export const EXPLAINED: readonly ExplainedKind[] = [
  kind('Pod', '', 'v1', 'A pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and volumes, scheduled together onto one node.', {
    spec: POD_SPEC, status: POD_STATUS,
  }),
  kind('Deployment', 'apps', 'v1', 'A deployment keeps a number of identical pods running and replaces them gradually when their template changes, through one replica set per version.', {
    spec: f('DeploymentSpec', 'The desired state: how many pods, which template, how to roll out changes.', {
      replicas: I('How many pods to run. Defaults to 1.'),
      selector: req(LABEL_SELECTOR('Which pods belong to the deployment. It must match the template\'s labels and cannot change.')),
      template: TEMPLATE('The pods to create. Changing it starts a rollout.'),
      strategy: f('DeploymentStrategy', 'How pods are replaced during a rollout.', {
        type: oneOf(S('RollingUpdate (the default) replaces pods a few at a time; Recreate stops them all first.'), ['Recreate', 'RollingUpdate']),
        rollingUpdate: ROLLING('Limits of a rolling update.'),
      }),
      minReadySeconds: I('Seconds a new pod must be ready before it counts as available. Defaults to 0.'),
      revisionHistoryLimit: I('How many old replica sets to keep for rollbacks. Defaults to 10.'),
      progressDeadlineSeconds: I('Seconds without progress after which the rollout is reported as failed. Defaults to 600.'),
      paused: B('While true, changes of the template do not start a rollout.'),
    }),
    status: f('DeploymentStatus', 'What the deployment controller last observed. Read-only.', {
      replicas: I('Pods of all its replica sets.'),
      updatedReplicas: I('Pods that run the current template.'),
      readyReplicas: I('Pods that are ready.'),
      availableReplicas: I('Pods ready for at least minReadySeconds.'),
      unavailableReplicas: I('Pods still needed for the deployment to be fully available.'),
      observedGeneration: I('The generation of the spec the controller acted on last.'),
      conditions: CONDITIONS('Available and Progressing.'),
      collisionCount: I('Bumped when a replica set name collides, to compute another one.'),
    }),
  }),
  kind('ReplicaSet', 'apps', 'v1', 'A replica set keeps a number of pods matching its selector running, creating or deleting pods as needed. Deployments manage them for you.', {
    spec: f('ReplicaSetSpec', 'How many pods, which ones, and from which template.', {
      replicas: I('How many pods to keep. Defaults to 1.'),
      selector: req(LABEL_SELECTOR('Which pods count as replicas. It must match the template\'s labels.')),
      template: TEMPLATE('The pods to create when there are too few.'),
      minReadySeconds: I('Seconds a new pod must be ready before it counts as available.'),
    }),
    status: f('ReplicaSetStatus', 'What the replica set controller last observed. Read-only.', {
      replicas: req(I('Pods it currently has.')),
      fullyLabeledReplicas: I('Pods whose labels match the template\'s.'),
      readyReplicas: I('Pods that are ready.'),
      availableReplicas: I('Pods ready for at least minReadySeconds.'),
      observedGeneration: I('The generation of the spec the controller acted on last.'),
      conditions: CONDITIONS('Conditions such as ReplicaFailure.'),
    }),
  }),
  kind('DaemonSet', 'apps', 'v1', 'A daemon set runs one copy of a pod on every node (or on the nodes its selector and tolerations allow), such as weave-net and kube-proxy.', {
    spec: f('DaemonSetSpec', 'Which pods to run on each node and how to update them.', {
      selector: req(LABEL_SELECTOR('Which pods belong to the daemon set. It must match the template\'s labels.')),
      template: TEMPLATE('The pod to run on each eligible node.'),
      updateStrategy: f('DaemonSetUpdateStrategy', 'How pods are replaced when the template changes.', {
        type: oneOf(S('RollingUpdate (the default) replaces pods node by node; OnDelete waits for you to delete them.'), ['OnDelete', 'RollingUpdate']),
        rollingUpdate: f('RollingUpdateDaemonSet', 'Limits of a rolling update.', {
          maxUnavailable: PORT('How many nodes may be without a ready pod during the update. Defaults to 1.'),
          maxSurge: PORT('How many nodes may run an old and a new pod at once. Defaults to 0.'),
        }),
      }),
      minReadySeconds: I('Seconds a new pod must be ready before it counts as available.'),
      revisionHistoryLimit: I('How many old revisions to keep for rollbacks. Defaults to 10.'),
    }),
    status: f('DaemonSetStatus', 'What the daemon set controller last observed. Read-only.', {
      desiredNumberScheduled: req(I('Nodes that should run the pod.')),
      currentNumberScheduled: req(I('Nodes that run the pod and should.')),
      numberMisscheduled: req(I('Nodes that run the pod but should not.')),
      numberReady: req(I('Nodes whose pod is ready.')),
      numberAvailable: I('Nodes whose pod has been ready for at least minReadySeconds.'),
      updatedNumberScheduled: I('Nodes that run the current template.'),
      observedGeneration: I('The generation of the spec the controller acted on last.'),
    }),
  }),
  kind('Service', '', 'v1', 'A service gives a set of pods, chosen by a label selector, one stable virtual IP address and DNS name; kube-proxy spreads the connections over the ready pods.', {
    spec: f('ServiceSpec', 'Which pods, which ports, and how the service is reached.', {
      type: oneOf(S('ClusterIP (the default) is reachable inside the cluster; NodePort adds a port on every node; LoadBalancer asks the cloud for one; ExternalName is a DNS alias.'), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']),
      selector: MAP('Labels of the pods traffic goes to. Without a selector, endpoints are managed by hand.'),
      ports: f('[]ServicePort', 'The ports the service serves.', {
        port: req(I('The port of the service\'s own IP address.')),
        targetPort: PORT('The port (number or container port name) on the pods. Defaults to port.'),
        nodePort: I('For NodePort and LoadBalancer: the port on every node, from 30000 to 32767, chosen at random unless given.'),
        protocol: oneOf(S('Defaults to TCP.'), ['SCTP', 'TCP', 'UDP']),
        name: S('Name of the port; required when there are several.'),
        appProtocol: S('The application protocol, as a hint for tools.'),
      }),
      clusterIP: S('The virtual IP address, from the service range (10.96.0.0/12 with kubeadm). "None" makes a headless service that DNS resolves to the pod IPs.'),
      clusterIPs: STRINGS('The virtual IP addresses, one per address family.'),
      externalIPs: STRINGS('Addresses of nodes that also accept traffic for the service.'),
      externalName: S('For ExternalName: the DNS name the service name is an alias for.'),
      sessionAffinity: oneOf(S('ClientIP sends a client\'s connections to the same pod; None (the default) spreads them.'), ['ClientIP', 'None']),
      externalTrafficPolicy: oneOf(S('For traffic from outside: Cluster (the default) may cross nodes; Local keeps it on the node that received it.'), ['Cluster', 'Local']),
      ipFamilies: STRINGS('IPv4, IPv6, or both.'),
      ipFamilyPolicy: S('SingleStack, PreferDualStack or RequireDualStack.'),
    }),
    status: f('ServiceStatus', 'The state of a load balancer, if any. Read-only.', {
      loadBalancer: f('LoadBalancerStatus', 'The load balancer\'s addresses.'),
      conditions: CONDITIONS('Conditions of the service.'),
    }),
  }),
  kind('Namespace', '', 'v1', 'A namespace is a scope for names: objects of one kind must have different names within a namespace, not across namespaces. kubeadm creates default, kube-system, kube-public and kube-node-lease.', {
    spec: f('NamespaceSpec', 'The namespace\'s finalizers.', { finalizers: STRINGS('What must be done before the namespace is removed.') }),
    status: f('NamespaceStatus', 'Read-only.', {
      phase: oneOf(S('Active, or Terminating while its objects are deleted.'), ['Active', 'Terminating']),
      conditions: CONDITIONS('Conditions of the namespace\'s deletion.'),
    }),
  }),
  kind('Node', '', 'v1', 'A node is a machine that runs pods: its kubelet registers it and reports its state. Here node1 (the control plane) and node2.', {
    spec: f('NodeSpec', 'How the node may be used.', {
      taints: f('[]Taint', 'Pods that do not tolerate a taint are not scheduled (NoSchedule) or are evicted (NoExecute).', {
        key: req(S('The taint key, such as node-role.kubernetes.io/control-plane.')),
        value: S('The taint value.'),
        effect: req(oneOf(S('What happens to pods that do not tolerate it.'), ['NoExecute', 'NoSchedule', 'PreferNoSchedule'])),
        timeAdded: f('Time', 'When a NoExecute taint was added.'),
      }),
      unschedulable: B('True after kubectl cordon: no new pods are scheduled here.'),
      podCIDR: S('The pod address range given to the node, when the cluster assigns ranges.'),
      podCIDRs: STRINGS('The pod address ranges, one per address family.'),
      providerID: S('The machine\'s id at the cloud provider.'),
    }),
    status: f('NodeStatus', 'What the kubelet last reported. Read-only.', {
      addresses: f('[]NodeAddress', 'InternalIP, Hostname and other addresses of the node.'),
      capacity: f('map[string]Quantity', 'The node\'s resources: cpu, memory, pods...'),
      allocatable: f('map[string]Quantity', 'What pods may use of the capacity.'),
      conditions: CONDITIONS('Ready, MemoryPressure, DiskPressure, PIDPressure and NetworkUnavailable.'),
      nodeInfo: f('NodeSystemInfo', 'Kernel, OS image, container runtime and kubelet versions.'),
      images: f('[]ContainerImage', 'Images present on the node.'),
    }),
  }),
  kind('ConfigMap', '', 'v1', 'A config map holds configuration as key/value pairs that pods read as environment variables or as files.', {
    data: MAP('The configuration as text values.'),
    binaryData: MAP('Binary values, base64-encoded.'),
    immutable: B('If true, the data can no longer change (only the whole object can be deleted).'),
  }),
  kind('Secret', '', 'v1', 'A secret holds small sensitive values, such as passwords or keys, that pods read as environment variables or as files. Values are base64-encoded, not encrypted.', {
    data: MAP('The values, base64-encoded.'),
    stringData: MAP('Values as plain text, for writing only: the server moves them into data.'),
    type: S('What the secret holds, such as Opaque (anything), kubernetes.io/tls or kubernetes.io/dockerconfigjson.'),
    immutable: B('If true, the data can no longer change.'),
  }),
  kind('Job', 'batch', 'v1', 'A job runs pods until a number of them have completed successfully, retrying failed ones: for batch work that ends.', {
    spec: f('JobSpec', 'What to run and how many successes are needed.', {
      template: TEMPLATE('The pods to run; restartPolicy must be Never or OnFailure.'),
      completions: I('Successful pods needed. Defaults to 1.'),
      parallelism: I('Pods that may run at once. Defaults to 1.'),
      backoffLimit: I('Retries before the job is marked failed. Defaults to 6.'),
      activeDeadlineSeconds: I('Seconds after which the job is stopped and marked failed.'),
      ttlSecondsAfterFinished: I('Seconds after which a finished job is deleted.'),
      selector: LABEL_SELECTOR('Which pods belong to the job; generated unless manualSelector is set.'),
      suspend: B('While true, no pods are created.'),
    }),
    status: f('JobStatus', 'What the job controller last observed. Read-only.', {
      active: I('Pods running.'),
      succeeded: I('Pods that completed successfully.'),
      failed: I('Pods that failed.'),
      startTime: f('Time', 'When the job started.'),
      completionTime: f('Time', 'When the job completed.'),
      conditions: CONDITIONS('Complete or Failed.'),
    }),
  }),
];
