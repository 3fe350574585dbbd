// The data storage account: the app's tables and attachment blobs, the Durable task hub (queues, tables, blobs) and the
// Functions host's own state (AzureWebJobsStorage). Shared keys are off: the Functions host, the Durable extension and
// the app's own clients all reach it with the app's managed identity. The deployment package is not here: it is in
// packagestorage.bicep's account, on which this identity has no role.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

param tags object

@description('Replication of the account: main.bicep validates the parameter and chooses ZRS or LRS by region.')
param skuName string

@description('Days a deleted or overwritten attachment blob (or a deleted container) can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int

@description('Principal id of the app\'s managed identity, given the data roles below.')
param appPrincipalId string

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
  }
}

// The app's data roles, on this account only (the host, Durable and the app create their containers, queues and tables
// at run time, so the scope is the account rather than single containers). Ids are built-in roles, the same in every
// tenant; one resource per role so that each is reviewed, and checked by tests/WgeoFlows.Deployment.Tests, on its own.

// Blobs: the Functions host's leases, timer schedule status and keys (azure-webjobs-*), Durable's partition leases and
// large messages, the app's attachments. Owner rather than Contributor: Microsoft documents Storage Blob Data Owner as
// the host storage connection's requirement (AzureWebJobsStorage, which the Durable extension uses here too).
resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Storage Blob Data Owner for the WgeoFlows app (Functions host and Durable blobs, attachments)'
  }
}

// Queues: Durable's control queues (one per partition) and work-item queue. The app sends no queue message itself.
resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Storage Queue Data Contributor for the WgeoFlows app (Durable task hub queues)'
  }
}

// Tables: Durable's History and Instances tables, and the app's own tables (requests, timeline, outbox, admin index, …).
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Storage Table Data Contributor for the WgeoFlows app (Durable history and instances, app tables)'
  }
}

output name string = account.name
