import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import {
  AllocateAddressCommand,
  CreateImageCommand,
  CreateNatGatewayCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DeleteVolumeCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  type Tag,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { clientConfig } from './idle-resources.js';

/**
 * Seeds the resources of the seven rules beyond part 1 in one region of a moto
 * account, with their CloudWatch history. moto stamps every creation time with
 * now, so NAT gateways and load balancers get explicit datapoints (zero for
 * idle ones), and configs use minAgeDays/minDays 0 for snapshots and stopped
 * instances.
 */
export interface WasteSeed {
  /** Elastic IPs associated with nothing. */
  readonly freeAddresses?: number;
  /** NAT gateways by GiB sent out over the window. */
  readonly natGateways?: readonly number[];
  readonly loadBalancers?: ReadonlyArray<{
    readonly type: 'application' | 'network';
    readonly traffic: number;
    readonly exempt?: boolean;
    readonly name?: string;
  }>;
  /** Snapshots whose source volume was deleted (orphaned), and of a live volume (not orphaned). */
  readonly orphanedSnapshots?: number;
  readonly liveSnapshots?: number;
  /** AMIs made from a running instance (their snapshots are in use). */
  readonly images?: number;
  readonly stoppedInstances?: ReadonlyArray<{ readonly type: string; readonly exempt?: boolean; readonly name?: string }>;
  readonly databases?: ReadonlyArray<{
    readonly id: string;
    readonly cls: string;
    readonly engine: string;
    readonly multiAz?: boolean;
    readonly connections: number;
    readonly exempt?: boolean;
  }>;
}

export interface SeededWaste {
  readonly freeAddresses: string[];
  readonly natGateways: string[];
  readonly loadBalancers: string[];
  readonly orphanedSnapshots: string[];
  readonly liveSnapshots: string[];
  readonly stoppedInstances: string[];
  /** Root volumes of the stopped instances (gp2 in moto): priced inside stopped-instance, never as gp2-volume. */
  readonly stoppedVolumes: string[];
  readonly databases: string[];
}

const EXEMPT = 'cost-watch:ignore';
const tagList = (name?: string, exempt?: boolean): Tag[] => [
  ...(name ? [{ Key: 'Name', Value: name }] : []),
  ...(exempt ? [{ Key: EXEMPT, Value: 'true' }] : []),
];

/** One datapoint a day over the last `days` days, summing to `total` (a single 0 for idle ones). */
function daily(metric: string, dims: Record<string, string>, total: number, now: Date, days = 14): MetricDatum[] {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const n = total === 0 ? 1 : days;
  return Array.from({ length: n }, (_, d) => ({
    MetricName: metric,
    Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
    Timestamp: new Date(midnight - (d + 1) * 86_400_000 + 43_200_000),
    Value: total / n,
  }));
}

export async function seedWaste(env: Record<string, string>, region: string, seed: WasteSeed, now = new Date()): Promise<SeededWaste> {
  const cfg = clientConfig(env, region);
  const ec2 = new EC2Client(cfg);
  const elb = new ElasticLoadBalancingV2Client(cfg);
  // RDS may live on its own emulator (AWS_ENDPOINT_URL_RDS): moto's model dump fails once any DB instance exists.
  const rds = new RDSClient({ ...cfg, endpoint: env.AWS_ENDPOINT_URL_RDS ?? cfg.endpoint });
  const cw = new CloudWatchClient({ ...cfg, disableRequestCompression: true });
  const metrics: Array<[string, MetricDatum[]]> = [];
  const out: { -readonly [K in keyof SeededWaste]: string[] } = {
    freeAddresses: [],
    natGateways: [],
    loadBalancers: [],
    orphanedSnapshots: [],
    liveSnapshots: [],
    stoppedInstances: [],
    stoppedVolumes: [],
    databases: [],
  };

  for (let i = 0; i < (seed.freeAddresses ?? 0); i++)
    out.freeAddresses.push((await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!);

  const needsVpc = (seed.natGateways?.length ?? 0) + (seed.loadBalancers?.length ?? 0) > 0;
  const subnets: string[] = [];
  if (needsVpc) {
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
    for (const [n, az] of ['a', 'b'].entries())
      subnets.push(
        (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.0.${n + 1}.0/24`, AvailabilityZone: `${region}${az}` })))
          .Subnet!.SubnetId!,
      );
  }
  for (const gib of seed.natGateways ?? []) {
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const id = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnets[0]!, AllocationId: eip.AllocationId! }))).NatGateway!
      .NatGatewayId!;
    out.natGateways.push(id);
    metrics.push(['AWS/NATGateway', daily('BytesOutToDestination', { NatGatewayId: id }, gib * 2 ** 30, now)]);
  }
  for (const [n, lb] of (seed.loadBalancers ?? []).entries()) {
    const name = lb.name ?? `${lb.type === 'application' ? 'alb' : 'nlb'}-${n}`;
    const created = await elb.send(
      new CreateLoadBalancerCommand({
        Name: name,
        Subnets: subnets,
        Type: lb.type,
        Tags: lb.exempt ? [{ Key: EXEMPT, Value: 'true' }] : undefined,
      }),
    );
    const arn = created.LoadBalancers![0]!.LoadBalancerArn!;
    out.loadBalancers.push(arn);
    const dimension = `${lb.type === 'application' ? 'app' : 'net'}/${arn.split(':loadbalancer/')[1]!.split('/').slice(1).join('/')}`;
    metrics.push(
      lb.type === 'application'
        ? ['AWS/ApplicationELB', daily('RequestCount', { LoadBalancer: dimension }, lb.traffic, now)]
        : ['AWS/NetworkELB', daily('NewFlowCount', { LoadBalancer: dimension }, lb.traffic, now)],
    );
  }

  for (let i = 0; i < (seed.orphanedSnapshots ?? 0) + (seed.liveSnapshots ?? 0); i++) {
    const orphan = i < (seed.orphanedSnapshots ?? 0);
    const vol = (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 50 + i * 10, VolumeType: 'gp3' })))
      .VolumeId!;
    const snap = (
      await ec2.send(
        new CreateSnapshotCommand({
          VolumeId: vol,
          TagSpecifications: [{ ResourceType: 'snapshot', Tags: tagList(orphan ? `old-backup-${i}` : `live-${i}`) }],
        }),
      )
    ).SnapshotId!;
    if (orphan) await ec2.send(new DeleteVolumeCommand({ VolumeId: vol }));
    (orphan ? out.orphanedSnapshots : out.liveSnapshots).push(snap);
  }
  for (let i = 0; i < (seed.images ?? 0); i++) {
    const inst = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 })))
      .Instances![0]!.InstanceId!;
    await ec2.send(new CreateImageCommand({ InstanceId: inst, Name: `golden-${region}-${i}` }));
    // Keep CPU busy so the AMI source is not an idle-instance finding.
    metrics.push(['AWS/EC2', daily('CPUUtilization', { InstanceId: inst }, 50 * 14, now).map((d) => ({ ...d, Value: 50 }))]);
  }
  for (const s of seed.stoppedInstances ?? []) {
    const t = tagList(s.name, s.exempt);
    const inst = (
      await ec2.send(
        new RunInstancesCommand({
          ImageId: 'ami-12c6146b',
          InstanceType: s.type as _InstanceType,
          MinCount: 1,
          MaxCount: 1,
          ...(t.length ? { TagSpecifications: [{ ResourceType: 'instance', Tags: t }] } : {}),
        }),
      )
    ).Instances![0]!;
    await ec2.send(new StopInstancesCommand({ InstanceIds: [inst.InstanceId!] }));
    if (!s.exempt) {
      out.stoppedInstances.push(inst.InstanceId!);
      out.stoppedVolumes.push(...(inst.BlockDeviceMappings ?? []).map((b) => b.Ebs?.VolumeId).filter((v): v is string => !!v));
    }
  }
  for (const db of seed.databases ?? []) {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: db.id,
        DBInstanceClass: db.cls,
        Engine: db.engine,
        MultiAZ: db.multiAz ?? false,
        AllocatedStorage: 20,
        MasterUsername: 'admin',
        MasterUserPassword: 'demo-password-1',
        Tags: db.exempt ? [{ Key: EXEMPT, Value: 'true' }] : undefined,
      }),
    );
    out.databases.push(db.id);
    metrics.push(['AWS/RDS', daily('DatabaseConnections', { DBInstanceIdentifier: db.id }, db.connections, now)]);
  }
  for (const [namespace, data] of metrics)
    for (let i = 0; i < data.length; i += 1000)
      await cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data.slice(i, i + 1000) }));
  return out;
}
