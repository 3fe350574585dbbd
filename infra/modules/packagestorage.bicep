// The storage account of the Flex Consumption deployment package, apart from the app's data. `azd deploy` posts the
// package to the app's publish endpoint with the deployer's own Entra token; the platform then writes it into the
// container below, and every instance reads it from there, both with the deployment identity named in
// functionAppConfig.deployment.storage. That identity's only role is on this one container; the app's identity (the
// one its code, the Functions host and the Durable extension use) has no role on this account, so it cannot replace
// the code it runs.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

param tags object

@description('Replication of the account (main.bicep\'s choice, as for the data account: instances read the package to start).')
param skuName string

@description('Blob container of the deployment package.')
param containerName string

@description('Principal id of the deployment identity, given Storage Blob Data Contributor on the container.')
param deploymentPrincipalId string

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
    // A package overwritten by a bad deployment can be restored for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

// Storage Blob Data Contributor, on the container only: the platform writes the package there on `azd deploy` (with
// this identity, not the deployer's) and reads it when an instance starts.
resource packageWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(container.id, deploymentPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: deploymentPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Storage Blob Data Contributor on the WgeoFlows deployment package container (Flex Consumption deployment identity)'
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output containerName string = container.name
