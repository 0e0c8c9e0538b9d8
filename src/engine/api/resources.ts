/**
 * The API's resource types, as `kubectl api-resources` lists them for a v1.27 kubeadm cluster.
 * kubectl resolves what a learner types (po, pods, pod, deploy, deployments.apps, ...) against this
 * table, and the store keys objects by `plural.group`.
 */
export interface ResourceType {
  /** Plural resource name, e.g. "deployments". */
  readonly plural: string;
  /** Lower-case kind, e.g. "deployment". */
  readonly singular: string;
  readonly shortNames: readonly string[];
  /** "" for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
}

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ = ['get', 'list', 'watch'];
const CREATE = ['create'];

// name | shortnames | apiVersion | namespaced | kind | verbs ("all", "create", "read" or a list)
const TABLE = `
bindings||v1|true|Binding|create
componentstatuses|cs|v1|false|ComponentStatus|get,list
configmaps|cm|v1|true|ConfigMap|all
endpoints|ep|v1|true|Endpoints|all
events|ev|v1|true|Event|all
limitranges|limits|v1|true|LimitRange|all
namespaces|ns|v1|false|Namespace|create,delete,get,list,patch,update,watch
nodes|no|v1|false|Node|all
persistentvolumeclaims|pvc|v1|true|PersistentVolumeClaim|all
persistentvolumes|pv|v1|false|PersistentVolume|all
pods|po|v1|true|Pod|all
podtemplates||v1|true|PodTemplate|all
replicationcontrollers|rc|v1|true|ReplicationController|all
resourcequotas|quota|v1|true|ResourceQuota|all
secrets||v1|true|Secret|all
serviceaccounts|sa|v1|true|ServiceAccount|all
services|svc|v1|true|Service|all
mutatingwebhookconfigurations||admissionregistration.k8s.io/v1|false|MutatingWebhookConfiguration|all
validatingwebhookconfigurations||admissionregistration.k8s.io/v1|false|ValidatingWebhookConfiguration|all
customresourcedefinitions|crd,crds|apiextensions.k8s.io/v1|false|CustomResourceDefinition|all
apiservices||apiregistration.k8s.io/v1|false|APIService|all
controllerrevisions||apps/v1|true|ControllerRevision|all
daemonsets|ds|apps/v1|true|DaemonSet|all
deployments|deploy|apps/v1|true|Deployment|all
replicasets|rs|apps/v1|true|ReplicaSet|all
statefulsets|sts|apps/v1|true|StatefulSet|all
tokenreviews||authentication.k8s.io/v1|false|TokenReview|create
localsubjectaccessreviews||authorization.k8s.io/v1|true|LocalSubjectAccessReview|create
selfsubjectaccessreviews||authorization.k8s.io/v1|false|SelfSubjectAccessReview|create
selfsubjectrulesreviews||authorization.k8s.io/v1|false|SelfSubjectRulesReview|create
subjectaccessreviews||authorization.k8s.io/v1|false|SubjectAccessReview|create
horizontalpodautoscalers|hpa|autoscaling/v2|true|HorizontalPodAutoscaler|all
cronjobs|cj|batch/v1|true|CronJob|all
jobs||batch/v1|true|Job|all
certificatesigningrequests|csr|certificates.k8s.io/v1|false|CertificateSigningRequest|all
leases||coordination.k8s.io/v1|true|Lease|all
endpointslices||discovery.k8s.io/v1|true|EndpointSlice|all
events|ev|events.k8s.io/v1|true|Event|all
flowschemas||flowcontrol.apiserver.k8s.io/v1beta3|false|FlowSchema|all
prioritylevelconfigurations||flowcontrol.apiserver.k8s.io/v1beta3|false|PriorityLevelConfiguration|all
ingressclasses||networking.k8s.io/v1|false|IngressClass|all
ingresses|ing|networking.k8s.io/v1|true|Ingress|all
networkpolicies|netpol|networking.k8s.io/v1|true|NetworkPolicy|all
runtimeclasses||node.k8s.io/v1|false|RuntimeClass|all
poddisruptionbudgets|pdb|policy/v1|true|PodDisruptionBudget|all
clusterrolebindings||rbac.authorization.k8s.io/v1|false|ClusterRoleBinding|all
clusterroles||rbac.authorization.k8s.io/v1|false|ClusterRole|all
rolebindings||rbac.authorization.k8s.io/v1|true|RoleBinding|all
roles||rbac.authorization.k8s.io/v1|true|Role|all
priorityclasses|pc|scheduling.k8s.io/v1|false|PriorityClass|all
csidrivers||storage.k8s.io/v1|false|CSIDriver|all
csinodes||storage.k8s.io/v1|false|CSINode|all
csistoragecapacities||storage.k8s.io/v1|true|CSIStorageCapacity|all
storageclasses|sc|storage.k8s.io/v1|false|StorageClass|all
volumeattachments||storage.k8s.io/v1|false|VolumeAttachment|all
`;

export const RESOURCE_TYPES: readonly ResourceType[] = TABLE.trim().split('\n').map((line) => {
  const [plural, short, apiVersion, namespaced, kind, verbs] = line.split('|') as [string, string, string, string, string, string];
  const slash = apiVersion.indexOf('/');
  return {
    plural,
    singular: kind.toLowerCase(),
    shortNames: short ? short.split(',') : [],
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind,
    namespaced: namespaced === 'true',
    verbs: verbs === 'all' ? ALL : verbs === 'create' ? CREATE : verbs === 'read' ? READ : verbs.split(','),
  };
});

/** apiVersion as written in manifests: "v1" or "apps/v1". */
export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The store's key for a type: "pods", "deployments.apps". */
export function resourceKey(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/**
 * Resolves what kubectl accepts as a resource argument: plural, singular, short name, each
 * optionally qualified as `name.group` or `name.version.group`. The core group wins ties, as
 * kubectl's RESTMapper prefers it (so "events" is core/v1 events).
 */
export function resolveResourceType(input: string): ResourceType | undefined {
  const lower = input.toLowerCase();
  const matches = (t: ResourceType, name: string) => name === t.plural || name === t.singular || t.shortNames.includes(name);
  for (const t of RESOURCE_TYPES) {
    if (matches(t, lower)) return t;
  }
  for (const t of RESOURCE_TYPES) {
    if (!t.group) continue;
    for (const suffix of [`.${t.group}`, `.${t.version}.${t.group}`]) {
      if (lower.endsWith(suffix) && matches(t, lower.slice(0, -suffix.length))) return t;
    }
  }
  return undefined;
}

/** The type for a manifest's apiVersion and kind, as the API server maps them. */
export function typeForKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
}

/** The type for an object's kind in any served version, for messages about kinds we know. */
export function typeForKindAnyVersion(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind);
}

export function mustResolve(input: string): ResourceType {
  const t = resolveResourceType(input);
  if (!t) throw new Error(`unknown resource type ${input}`);
  return t;
}
